require "sinatra/base"
require "sequel"
require "redis"
require "json"

DB = Sequel.connect(ENV.fetch("DATABASE_URL"))
REDIS = Redis.new(url: ENV.fetch("REDIS_URL", "redis://localhost:6379/2"))

class HooksApp < Sinatra::Base
  post "/hooks/github" do
    payload = JSON.parse(request.body.read)
    DB[:events].insert(kind: request.env["HTTP_X_GITHUB_EVENT"], body: payload.to_json)
    REDIS.lpush("hooks", payload["after"].to_s)
    status 202
  end

  get "/version" do
    `git rev-parse --short HEAD`.strip
  end
end
