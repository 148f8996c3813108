# Messages of goals-trace (English).
