import os

import boto3

s3 = boto3.client("s3", endpoint_url=os.environ.get("S3_ENDPOINT"))
BUCKET = os.environ["REPORTS_BUCKET"]
