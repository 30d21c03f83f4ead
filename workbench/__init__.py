"""FOI internal review workbench."""

__all__: list[str] = []
