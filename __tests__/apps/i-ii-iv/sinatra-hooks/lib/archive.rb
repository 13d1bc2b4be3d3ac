require "open3"

module Archive
  # Packs a payload directory for cold storage.
  def self.pack(dir)
    out, status = Open3.capture2("tar", "czf", "-", dir)
    raise "tar failed" unless status.success?
    out
  end

  def self.upload(file)
    system("aws", "s3", "cp", file, "s3://#{ENV.fetch('ARCHIVE_BUCKET')}/")
  end
end
