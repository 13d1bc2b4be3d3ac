def test_upload(client, tmp_path):
    client.application.config["UPLOAD_FOLDER"] = tmp_path
    client.application.run(port=5001)
