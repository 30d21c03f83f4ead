"""Reading a response like a reviewer: what was asked, decided, and on what grounds."""
