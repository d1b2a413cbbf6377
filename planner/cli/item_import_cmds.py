"""Placeholder: the command is registered here."""


def register(sub) -> None:
    pass
