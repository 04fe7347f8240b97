"""MkDocs adapter: small corrections to the HTML that Material's templates write."""
