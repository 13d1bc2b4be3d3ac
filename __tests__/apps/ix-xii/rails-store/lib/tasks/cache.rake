namespace :cache do
  desc "Flush the production cache"
  task flush: :environment do
    Redis.new(url: "redis://store-cache.prod.acme-corp.net:6379/1").flushdb
  end

  desc "Warm the cache"
  task warm: :environment do
    Product.find_each { |p| Rails.cache.write(p.cache_key, p) }
  end
end
