from django.http import HttpRequest, HttpResponse


def today(request: HttpRequest) -> HttpResponse:
    return HttpResponse("today")


def quick_log(request: HttpRequest) -> HttpResponse:
    return HttpResponse("log")


def history(request: HttpRequest) -> HttpResponse:
    return HttpResponse("history")


def manifest(request: HttpRequest) -> HttpResponse:
    return HttpResponse("{}")
