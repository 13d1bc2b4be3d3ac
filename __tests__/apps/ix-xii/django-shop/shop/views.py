from django.core.management import call_command
from django.http import HttpResponse, JsonResponse


def orders(request):
    return JsonResponse({"orders": []})


def run_migrations(request):
    call_command("migrate", interactive=False)
    return HttpResponse("ok")


def healthz(request):
    return HttpResponse("ok")
