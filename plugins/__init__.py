"""Built-in plugins: one module per guide criterion, written exactly as a user would write one."""
