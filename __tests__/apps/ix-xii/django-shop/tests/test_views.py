import logging

handler = logging.FileHandler("test-run.log")


def test_orders(client):
    assert client.get("/orders/").status_code == 200
