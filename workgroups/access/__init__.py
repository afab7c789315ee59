"""Who sees what in the admin and which documents are public: one policy, wired into Wagtail."""
