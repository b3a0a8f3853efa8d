"""What the tests share: builders of pages and images, readers of HTML, and the real
servers they start (gunicorn, workers, Redis, an object store, a cutting proxy)."""
