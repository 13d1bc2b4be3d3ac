class AdminController < ApplicationController
  def seed
    Rails.application.load_seed
    head :ok
  end
end
