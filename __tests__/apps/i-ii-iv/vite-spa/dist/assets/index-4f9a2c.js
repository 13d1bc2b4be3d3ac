const a="http://localhost:4000";
