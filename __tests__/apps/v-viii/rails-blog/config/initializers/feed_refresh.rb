require "rufus-scheduler"

# Refresh external feeds every 10 minutes.
scheduler = Rufus::Scheduler.singleton

scheduler.every "10m" do
  FeedRefresher.call
end
