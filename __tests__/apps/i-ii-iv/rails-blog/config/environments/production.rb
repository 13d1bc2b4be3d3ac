require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")
  config.action_mailer.delivery_method = :smtp
  config.action_mailer.smtp_settings = {
    address: "smtp.postmarkapp.com",
    port: 587,
    user_name: ENV["POSTMARK_API_TOKEN"],
    password: ENV["POSTMARK_API_TOKEN"]
  }
end
