# Messages of goals-measure (English).
