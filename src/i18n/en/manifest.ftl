# Messages of manifest (English).
