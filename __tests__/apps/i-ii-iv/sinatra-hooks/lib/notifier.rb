require "mail"

Mail.defaults do
  delivery_method :smtp, address: ENV.fetch("SMTP_HOST"), port: 587,
                         user_name: ENV["SMTP_USER"], password: ENV["SMTP_PASSWORD"]
end

module Notifier
  def self.ping(to)
    Mail.deliver do
      to to
      from "hooks@acme.test"
      subject "New push"
    end
  end
end
