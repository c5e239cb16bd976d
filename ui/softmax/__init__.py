"""The softmax & cross-entropy page: softmax, its Jacobian, vᵀJ, cross-entropy and numerical stability."""
