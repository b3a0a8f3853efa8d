"""The wiki's own URLs, under the `wiki` namespace."""

from django.urls import path, register_converter

from .converters import (
    CategoryPageConverter,
    CategorySlugConverter,
    FileNameConverter,
    PageSlugConverter,
    TalkPageConverter,
    UsernameConverter,
    UserPageConverter,
)
from .feeds import RecentChangesFeed
from .views import (
    blocking,
    categories,
    deletion,
    editing,
    editing_aids,
    files,
    history,
    log,
    maintenance,
    moving,
    pages,
    patrolling,
    protection,
    search,
    talk,
    translating,
    users,
    watching,
)

register_converter(PageSlugConverter, "page")
register_converter(UsernameConverter, "username")
register_converter(FileNameConverter, "filename")
register_converter(CategorySlugConverter, "category")
register_converter(TalkPageConverter, "talk_page")
register_converter(UserPageConverter, "user_page")
register_converter(CategoryPageConverter, "category_page")

app_name = "wiki"
urlpatterns = [
    path("wiki/", pages.PageListView.as_view(), name="page_list"),
    # A talk page, a user's and a category's page have addresses of their own kinds;
    # any other page slug is an article's.
    path("wiki/<talk_page:slug>/", talk.talk_page_view, name="talk"),
    path("wiki/<user_page:username>/", users.user_page_redirect, name="user_page"),
    path(
        "wiki/<category_page:slug>/",
        categories.category_page_redirect,
        name="category_page",
    ),
    path("wiki/<page:slug>/", pages.page_detail, name="page"),
    path("wiki/<page:slug>/edit/", editing.page_edit, name="edit"),
    path("wiki/<page:slug>/card.png", pages.share_card, name="share_card"),
    path("card.png", pages.site_card, name="site_card"),
    path(
        "wiki/<page:slug>/history/", history.PageHistoryView.as_view(), name="history"
    ),
    path(
        "wiki/<page:slug>/revisions/<int:pk>/", history.revision_detail, name="revision"
    ),
    path("wiki/<page:slug>/compare/", history.revision_compare, name="compare"),
    path("wiki/<page:slug>/preview/", editing_aids.edit_preview, name="edit_preview"),
    path(
        "wiki/<page:slug>/diff/<int:old_id>/<int:new_id>/",
        history.revision_diff,
        name="diff",
    ),
    path(
        "wiki/<page:slug>/revert/<int:pk>/",
        editing.revision_revert_view,
        name="revert",
    ),
    path(
        "wiki/<page:slug>/rollback/<username:username>/",
        editing.page_rollback_view,
        name="rollback",
    ),
    path(
        "wiki/<page:slug>/patrol/<int:pk>/",
        patrolling.revision_patrol_view,
        name="patrol",
    ),
    path(
        "wiki/<page:slug>/undo/<int:pk>/",
        editing.revision_undo,
        name="undo",
    ),
    path(
        "wiki/<page:slug>/links-here/",
        pages.WhatLinksHereView.as_view(),
        name="what_links_here",
    ),
    path("wiki/<page:slug>/watch/", watching.page_watch_view, name="watch"),
    path(
        "wiki/<page:slug>/translate/",
        translating.page_translate_view,
        name="translate",
    ),
    path("wiki/<page:slug>/delete/", deletion.page_delete_view, name="delete"),
    path("wiki/<page:slug>/move/", moving.page_move_view, name="move"),
    path("wiki/<page:slug>/protect/", protection.page_protect_view, name="protect"),
    path("protected/", protection.ProtectedPagesView.as_view(), name="protected"),
    path("block/", blocking.block_view, name="block"),
    path("blocks/", blocking.BlockListView.as_view(), name="blocks"),
    path("blocks/<int:pk>/unblock/", blocking.unblock_view, name="unblock"),
    path("deleted/", deletion.deleted_pages, name="deleted"),
    path("deleted/<int:pk>/restore/", deletion.page_restore_view, name="restore"),
    path("wiki/<page:slug>/topic/", talk.talk_topic_view, name="talk_topic"),
    path("wiki/<page:slug>/reply/", talk.talk_reply_view, name="talk_reply"),
    path("watchlist/", watching.WatchlistView.as_view(), name="watchlist"),
    path("watchlist/edit/", watching.watchlist_edit, name="watchlist_edit"),
    path("notifications/", watching.NotificationsView.as_view(), name="notifications"),
    path("search/", search.search, name="search"),
    path("search/suggest/", search.search_suggest, name="search_suggest"),
    path("search/suggest/links/", editing_aids.link_suggest, name="link_suggest"),
    path("log/", log.LogView.as_view(), name="log"),
    path("categories/", categories.CategoryListView.as_view(), name="category_list"),
    path("categories/<category:slug>/", categories.category_detail, name="category"),
    path("maintenance/", maintenance.maintenance, name="maintenance"),
    path(
        "maintenance/outdated-translations/",
        translating.OutdatedTranslationsView.as_view(),
        name="outdated_translations",
    ),
    path(
        "maintenance/wanted/",
        maintenance.WantedPagesView.as_view(),
        name="wanted_pages",
    ),
    path(
        "maintenance/orphaned/",
        maintenance.OrphanedPagesView.as_view(),
        name="orphaned_pages",
    ),
    path(
        "maintenance/dead-end/",
        maintenance.DeadEndPagesView.as_view(),
        name="dead_end_pages",
    ),
    path(
        "maintenance/uncategorised/",
        maintenance.UncategorisedPagesView.as_view(),
        name="uncategorised_pages",
    ),
    path(
        "maintenance/double-redirects/",
        maintenance.DoubleRedirectsView.as_view(),
        name="double_redirects",
    ),
    path("maintenance/random/", maintenance.random_page, name="random_page"),
    path("files/", files.FileListView.as_view(), name="file_list"),
    path("files/upload/", files.file_upload_view, name="file_upload"),
    path("files/<filename:name>/", files.file_detail, name="file"),
    path("recent-changes/", history.RecentChangesView.as_view(), name="recent_changes"),
    path("new-pages/", patrolling.NewPagesView.as_view(), name="new_pages"),
    path("recent-changes/feed/", RecentChangesFeed(), name="recent_changes_feed"),
    path("users/<username:username>/", users.user_detail, name="user"),
    path(
        "users/<username:username>/contributions/",
        history.ContributionsView.as_view(),
        name="contributions",
    ),
    path(
        "users/<username:username>/remove-contributions/",
        users.contributions_remove_view,
        name="remove_contributions",
    ),
]
