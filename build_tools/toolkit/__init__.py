"""Content model of the Counter-Trafficking Strategy Toolkit: load, validate and render content.

Nothing here imports MkDocs: hooks/ adapts it to MkDocs events, and it can run on its own.
"""

from .content import PARTS, WORKSHEETS, Toolkit, load_toolkit
from .problems import ContentError, ContentProblem

__all__ = ["PARTS", "WORKSHEETS", "ContentError", "ContentProblem", "Toolkit", "load_toolkit"]
