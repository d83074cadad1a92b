"""Flask extensions, created here and bound to the app in create_app()."""
from flask_babel import Babel
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from germplasm.db import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
babel = Babel()
csrf = CSRFProtect()
# Limits per client address; settings RATELIMIT_* (storage: GERMPLASM_RATELIMIT_STORAGE).
limiter = Limiter(key_func=get_remote_address)
# Compresses scripts, stylesheets and JSON (map outlines and sites, the API), not HTML: pages
# carry CSRF tokens beside reflected input, which compression would expose (BREACH).
compress = Compress()
