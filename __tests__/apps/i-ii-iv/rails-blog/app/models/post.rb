class Post < ApplicationRecord
  validates :title, presence: true

  def self.ensure_schema!
    raise "Run `bin/rails db:migrate` first" unless table_exists?
  end
end
