Rails.application.routes.draw do
  resources :products
  get "up" => "rails/health#show", as: :rails_health_check
  post "/admin/seed", to: "admin#seed"
  get "/admin/sync-report", to: "reports#show"
end
