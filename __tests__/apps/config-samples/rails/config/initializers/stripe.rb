Stripe.api_key = ENV.fetch("STRIPE_SECRET_KEY")
Rails.configuration.stripe = {
  publishable_key: ENV["STRIPE_PUBLISHABLE_KEY"],
  webhook_secret: ENV["STRIPE_WEBHOOK_SECRET"] || "whsec_dev"
}
