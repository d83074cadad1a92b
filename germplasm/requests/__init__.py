"""Material requests: the cart, submission under a material transfer agreement, the
curators' workflow (review, allocation from lots, shipping), receipt, usage feedback and
notifications."""
