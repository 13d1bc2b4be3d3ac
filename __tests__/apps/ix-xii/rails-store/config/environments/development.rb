Rails.application.configure do
  config.cache_classes = false
  config.logger = ActiveSupport::Logger.new("log/development.log")
  config.cache_store = :memory_store
end
