require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.enable_reloading = false
  config.eager_load = true
  config.session_store :cookie_store, key: "_blog_session"
  config.cache_store = :memory_store
  config.active_storage.service = :local
  config.active_job.queue_adapter = :sidekiq
  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")
end
