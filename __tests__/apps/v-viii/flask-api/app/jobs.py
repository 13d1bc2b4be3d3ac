def refresh_exchange_rates():
    pass
