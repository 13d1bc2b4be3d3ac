require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  config.force_ssl = true
  config.log_level = :info
  config.action_mailer.default_url_options = { host: "shop.acme-retail.com" }
  # config.asset_host = "http://assets.example.com"
end
