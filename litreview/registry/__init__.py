"""Registry metadata: resolve and verify DOIs, discover missing ones, reconcile, check URLs.

Pure modules (``doi``, ``parse``, ``compare``, ``reconcile``, ``discover``, ``corrections``,
``snapshot``) never touch the network; ``http``, ``resolvers``, ``urls`` and ``fetch`` do.
Import the submodules you need; this package imports nothing heavy.
"""
