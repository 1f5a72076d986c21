"""Quality measurements that anyone can rerun: `precis eval ...`."""
