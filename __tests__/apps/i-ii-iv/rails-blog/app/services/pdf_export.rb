class PdfExport
  def initialize(post)
    @post = post
  end

  def call(path)
    system("wkhtmltopdf", Rails.application.routes.url_helpers.post_url(@post), path)
  end
end
