"""``python -m flaskish_cli``: the ``flaskish`` command."""

from .main import main

if __name__ == "__main__":
    main()
