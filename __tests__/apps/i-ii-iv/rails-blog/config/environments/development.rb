Rails.application.configure do
  config.action_mailer.smtp_settings = { address: "localhost", port: 1025 }
end
