"""一事一议先例库 (Precedent Desk): the domain, storage, interchange and documents.

This package never imports Qt; the command line (`precedents.cli`) and the
desktop (`desktop`) are two clients of the same API.
"""

__version__ = "0.1.0"
