-- Ferro migration V2, generated from the models
ALTER TABLE "blog_post" ADD COLUMN "published_at" TIMESTAMP(6);
CREATE INDEX "idx_blog_post_published_at" ON "blog_post" ("published_at");
