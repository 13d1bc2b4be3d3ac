class User < ApplicationRecord
  has_secure_password
  PASSWORD_FORMAT = /\A(?=.*\d)(?=.*[a-z])/x
  validates :password, length: { minimum: 12 }, format: { with: PASSWORD_FORMAT }

  def api_token
    @api_token ||= SecureRandom.hex(20)
  end
end
