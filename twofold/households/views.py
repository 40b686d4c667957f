from django.http import HttpRequest, HttpResponse


def start(request: HttpRequest) -> HttpResponse:
    return HttpResponse("start")


def settings_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("settings")
