"""What `manage.py bench` measures beside the site: the floor a page view is held to."""
