"""Fair staff: approving firms, moderating jobs, and the fair's numbers."""
