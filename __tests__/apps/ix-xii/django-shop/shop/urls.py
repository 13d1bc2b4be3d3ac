from django.urls import path

from . import views

urlpatterns = [
    path("orders/", views.orders),
    path("ops/run-migrations/", views.run_migrations),
    path("healthz", views.healthz),
]
