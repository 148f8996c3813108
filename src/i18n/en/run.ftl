# Messages of run (English).
