ENV["DATABASE_URL"] ||= "postgres://postgres@localhost:5432/hooks_test"
require_relative "../app"

RSpec.describe HooksApp do
  it "accepts hooks" do
    expect(DB.test_connection).to be true
  end
end
