from django.core.management.base import BaseCommand

from shop.models import Product


class Command(BaseCommand):
    help = "Backfill prices"

    def handle(self, *args, **options):
        Product.objects.filter(price__isnull=True).update(price=0)
