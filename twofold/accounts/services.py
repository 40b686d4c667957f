"""Account writes. The email is the username, lower-cased, so people log in with what they remember."""

from __future__ import annotations

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

EMAIL_TAKEN = "This email already has a Twofold account."

# The model's field names, as the sign-up form calls them.
_FIELD_NAMES = {"first_name": "name", "password": "password", "email": "email"}


def normalise_email(email: str) -> str:
    return email.strip().lower()


def email_is_taken(*, email: str) -> bool:
    email = normalise_email(email)
    return get_user_model().objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists()


@transaction.atomic
def sign_up(*, email: str, name: str, password: str) -> User:
    """Make an account. Raises ValidationError keyed by email, name or password; saves nothing then."""
    email = normalise_email(email)
    if email_is_taken(email=email):
        raise ValidationError({"email": ValidationError(EMAIL_TAKEN, code="taken")})
    user = get_user_model()(username=email, email=email, first_name=name.strip())
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from error
    user.set_password(password)
    try:
        # The username is the email, checked as an email; Django's username characters would refuse
        # valid addresses such as o'brien@example.com.
        user.full_clean(exclude=["username"])
    except ValidationError as error:
        raise ValidationError(
            {_FIELD_NAMES.get(field, "email"): errors for field, errors in error.error_dict.items()}
        ) from error
    try:
        # A double-tapped button can race past the check above; the unique username catches it.
        with transaction.atomic():
            user.save()
    except IntegrityError as error:
        raise ValidationError({"email": ValidationError(EMAIL_TAKEN, code="taken")}) from error
    return user
