"""python -m litreview"""

from .cli import run

run()
