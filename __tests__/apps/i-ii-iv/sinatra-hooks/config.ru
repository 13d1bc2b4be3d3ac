require_relative "app"
run HooksApp
