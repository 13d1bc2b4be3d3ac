Rails.application.configure do
  config.active_storage.service = :local
  config.active_job.queue_adapter = :async
end
